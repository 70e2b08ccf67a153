/**
 */
package com.pexper.model.impl;

import com.pexper.model.CredentialReference;
import com.pexper.model.WorkflowPackage;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EClass;

import org.eclipse.emf.ecore.impl.ENotificationImpl;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Credential Reference</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link com.pexper.model.impl.CredentialReferenceImpl#getCredentialName <em>Credential Name</em>}</li>
 * </ul>
 *
 * @generated
 */
public class CredentialReferenceImpl extends ParameterValueImpl implements CredentialReference {
	/**
	 * The default value of the '{@link #getCredentialName() <em>Credential Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCredentialName()
	 * @generated
	 * @ordered
	 */
	protected static final String CREDENTIAL_NAME_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getCredentialName() <em>Credential Name</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getCredentialName()
	 * @generated
	 * @ordered
	 */
	protected String credentialName = CREDENTIAL_NAME_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected CredentialReferenceImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return WorkflowPackage.Literals.CREDENTIAL_REFERENCE;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getCredentialName() {
		return credentialName;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setCredentialName(String newCredentialName) {
		String oldCredentialName = credentialName;
		credentialName = newCredentialName;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, WorkflowPackage.CREDENTIAL_REFERENCE__CREDENTIAL_NAME, oldCredentialName, credentialName));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case WorkflowPackage.CREDENTIAL_REFERENCE__CREDENTIAL_NAME:
				return getCredentialName();
		}
		return super.eGet(featureID, resolve, coreType);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eSet(int featureID, Object newValue) {
		switch (featureID) {
			case WorkflowPackage.CREDENTIAL_REFERENCE__CREDENTIAL_NAME:
				setCredentialName((String)newValue);
				return;
		}
		super.eSet(featureID, newValue);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void eUnset(int featureID) {
		switch (featureID) {
			case WorkflowPackage.CREDENTIAL_REFERENCE__CREDENTIAL_NAME:
				setCredentialName(CREDENTIAL_NAME_EDEFAULT);
				return;
		}
		super.eUnset(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public boolean eIsSet(int featureID) {
		switch (featureID) {
			case WorkflowPackage.CREDENTIAL_REFERENCE__CREDENTIAL_NAME:
				return CREDENTIAL_NAME_EDEFAULT == null ? credentialName != null : !CREDENTIAL_NAME_EDEFAULT.equals(credentialName);
		}
		return super.eIsSet(featureID);
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String toString() {
		if (eIsProxy()) return super.toString();

		StringBuilder result = new StringBuilder(super.toString());
		result.append(" (credentialName: ");
		result.append(credentialName);
		result.append(')');
		return result.toString();
	}

} //CredentialReferenceImpl
