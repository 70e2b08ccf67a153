/**
 */
package com.pexper.model;


/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>File Path Parameter</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * A path as the user wrote it; relative paths resolve against the workflow file's folder.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link com.pexper.model.FilePathParameter#getValue <em>Value</em>}</li>
 * </ul>
 *
 * @see com.pexper.model.WorkflowPackage#getFilePathParameter()
 * @model
 * @generated
 */
public interface FilePathParameter extends ParameterValue {
	/**
	 * Returns the value of the '<em><b>Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Value</em>' attribute.
	 * @see #setValue(String)
	 * @see com.pexper.model.WorkflowPackage#getFilePathParameter_Value()
	 * @model
	 * @generated
	 */
	String getValue();

	/**
	 * Sets the value of the '{@link com.pexper.model.FilePathParameter#getValue <em>Value</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Value</em>' attribute.
	 * @see #getValue()
	 * @generated
	 */
	void setValue(String value);

} // FilePathParameter
