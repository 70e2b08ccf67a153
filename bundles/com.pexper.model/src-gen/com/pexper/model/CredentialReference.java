/**
 */
package com.pexper.model;


/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Credential Reference</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * The name of a credential kept in secure storage. Never the secret itself.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link com.pexper.model.CredentialReference#getCredentialName <em>Credential Name</em>}</li>
 * </ul>
 *
 * @see com.pexper.model.WorkflowPackage#getCredentialReference()
 * @model
 * @generated
 */
public interface CredentialReference extends ParameterValue {
	/**
	 * Returns the value of the '<em><b>Credential Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Credential Name</em>' attribute.
	 * @see #setCredentialName(String)
	 * @see com.pexper.model.WorkflowPackage#getCredentialReference_CredentialName()
	 * @model
	 * @generated
	 */
	String getCredentialName();

	/**
	 * Sets the value of the '{@link com.pexper.model.CredentialReference#getCredentialName <em>Credential Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Credential Name</em>' attribute.
	 * @see #getCredentialName()
	 * @generated
	 */
	void setCredentialName(String value);

} // CredentialReference
