/**
 */
package com.pexper.model.impl;

import com.pexper.model.Connection;
import com.pexper.model.WorkflowPackage;

import org.eclipse.emf.common.notify.Notification;

import org.eclipse.emf.ecore.EClass;

import org.eclipse.emf.ecore.impl.ENotificationImpl;
import org.eclipse.emf.ecore.impl.MinimalEObjectImpl;

/**
 * <!-- begin-user-doc -->
 * An implementation of the model object '<em><b>Connection</b></em>'.
 * <!-- end-user-doc -->
 * <p>
 * The following features are implemented:
 * </p>
 * <ul>
 *   <li>{@link com.pexper.model.impl.ConnectionImpl#getSourceNode <em>Source Node</em>}</li>
 *   <li>{@link com.pexper.model.impl.ConnectionImpl#getSourcePort <em>Source Port</em>}</li>
 *   <li>{@link com.pexper.model.impl.ConnectionImpl#getTargetNode <em>Target Node</em>}</li>
 *   <li>{@link com.pexper.model.impl.ConnectionImpl#getTargetPort <em>Target Port</em>}</li>
 * </ul>
 *
 * @generated
 */
public class ConnectionImpl extends MinimalEObjectImpl.Container implements Connection {
	/**
	 * The default value of the '{@link #getSourceNode() <em>Source Node</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceNode()
	 * @generated
	 * @ordered
	 */
	protected static final String SOURCE_NODE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getSourceNode() <em>Source Node</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourceNode()
	 * @generated
	 * @ordered
	 */
	protected String sourceNode = SOURCE_NODE_EDEFAULT;

	/**
	 * The default value of the '{@link #getSourcePort() <em>Source Port</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourcePort()
	 * @generated
	 * @ordered
	 */
	protected static final String SOURCE_PORT_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getSourcePort() <em>Source Port</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getSourcePort()
	 * @generated
	 * @ordered
	 */
	protected String sourcePort = SOURCE_PORT_EDEFAULT;

	/**
	 * The default value of the '{@link #getTargetNode() <em>Target Node</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTargetNode()
	 * @generated
	 * @ordered
	 */
	protected static final String TARGET_NODE_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getTargetNode() <em>Target Node</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTargetNode()
	 * @generated
	 * @ordered
	 */
	protected String targetNode = TARGET_NODE_EDEFAULT;

	/**
	 * The default value of the '{@link #getTargetPort() <em>Target Port</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTargetPort()
	 * @generated
	 * @ordered
	 */
	protected static final String TARGET_PORT_EDEFAULT = null;

	/**
	 * The cached value of the '{@link #getTargetPort() <em>Target Port</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see #getTargetPort()
	 * @generated
	 * @ordered
	 */
	protected String targetPort = TARGET_PORT_EDEFAULT;

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	protected ConnectionImpl() {
		super();
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	protected EClass eStaticClass() {
		return WorkflowPackage.Literals.CONNECTION;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getSourceNode() {
		return sourceNode;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSourceNode(String newSourceNode) {
		String oldSourceNode = sourceNode;
		sourceNode = newSourceNode;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, WorkflowPackage.CONNECTION__SOURCE_NODE, oldSourceNode, sourceNode));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getSourcePort() {
		return sourcePort;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setSourcePort(String newSourcePort) {
		String oldSourcePort = sourcePort;
		sourcePort = newSourcePort;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, WorkflowPackage.CONNECTION__SOURCE_PORT, oldSourcePort, sourcePort));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getTargetNode() {
		return targetNode;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setTargetNode(String newTargetNode) {
		String oldTargetNode = targetNode;
		targetNode = newTargetNode;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, WorkflowPackage.CONNECTION__TARGET_NODE, oldTargetNode, targetNode));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public String getTargetPort() {
		return targetPort;
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public void setTargetPort(String newTargetPort) {
		String oldTargetPort = targetPort;
		targetPort = newTargetPort;
		if (eNotificationRequired())
			eNotify(new ENotificationImpl(this, Notification.SET, WorkflowPackage.CONNECTION__TARGET_PORT, oldTargetPort, targetPort));
	}

	/**
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	@Override
	public Object eGet(int featureID, boolean resolve, boolean coreType) {
		switch (featureID) {
			case WorkflowPackage.CONNECTION__SOURCE_NODE:
				return getSourceNode();
			case WorkflowPackage.CONNECTION__SOURCE_PORT:
				return getSourcePort();
			case WorkflowPackage.CONNECTION__TARGET_NODE:
				return getTargetNode();
			case WorkflowPackage.CONNECTION__TARGET_PORT:
				return getTargetPort();
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
			case WorkflowPackage.CONNECTION__SOURCE_NODE:
				setSourceNode((String)newValue);
				return;
			case WorkflowPackage.CONNECTION__SOURCE_PORT:
				setSourcePort((String)newValue);
				return;
			case WorkflowPackage.CONNECTION__TARGET_NODE:
				setTargetNode((String)newValue);
				return;
			case WorkflowPackage.CONNECTION__TARGET_PORT:
				setTargetPort((String)newValue);
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
			case WorkflowPackage.CONNECTION__SOURCE_NODE:
				setSourceNode(SOURCE_NODE_EDEFAULT);
				return;
			case WorkflowPackage.CONNECTION__SOURCE_PORT:
				setSourcePort(SOURCE_PORT_EDEFAULT);
				return;
			case WorkflowPackage.CONNECTION__TARGET_NODE:
				setTargetNode(TARGET_NODE_EDEFAULT);
				return;
			case WorkflowPackage.CONNECTION__TARGET_PORT:
				setTargetPort(TARGET_PORT_EDEFAULT);
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
			case WorkflowPackage.CONNECTION__SOURCE_NODE:
				return SOURCE_NODE_EDEFAULT == null ? sourceNode != null : !SOURCE_NODE_EDEFAULT.equals(sourceNode);
			case WorkflowPackage.CONNECTION__SOURCE_PORT:
				return SOURCE_PORT_EDEFAULT == null ? sourcePort != null : !SOURCE_PORT_EDEFAULT.equals(sourcePort);
			case WorkflowPackage.CONNECTION__TARGET_NODE:
				return TARGET_NODE_EDEFAULT == null ? targetNode != null : !TARGET_NODE_EDEFAULT.equals(targetNode);
			case WorkflowPackage.CONNECTION__TARGET_PORT:
				return TARGET_PORT_EDEFAULT == null ? targetPort != null : !TARGET_PORT_EDEFAULT.equals(targetPort);
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
		result.append(" (sourceNode: ");
		result.append(sourceNode);
		result.append(", sourcePort: ");
		result.append(sourcePort);
		result.append(", targetNode: ");
		result.append(targetNode);
		result.append(", targetPort: ");
		result.append(targetPort);
		result.append(')');
		return result.toString();
	}

} //ConnectionImpl
