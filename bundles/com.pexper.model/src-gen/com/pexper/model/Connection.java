/**
 */
package com.pexper.model;

import org.eclipse.emf.ecore.EObject;

/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Connection</b></em>'.
 * <!-- end-user-doc -->
 *
 * <!-- begin-model-doc -->
 * An edge from an output port of one node to an input port of another. Nodes are named by id so that a connection to a missing node survives loading and can be reported.
 * <!-- end-model-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link com.pexper.model.Connection#getSourceNode <em>Source Node</em>}</li>
 *   <li>{@link com.pexper.model.Connection#getSourcePort <em>Source Port</em>}</li>
 *   <li>{@link com.pexper.model.Connection#getTargetNode <em>Target Node</em>}</li>
 *   <li>{@link com.pexper.model.Connection#getTargetPort <em>Target Port</em>}</li>
 * </ul>
 *
 * @see com.pexper.model.WorkflowPackage#getConnection()
 * @model
 * @generated
 */
public interface Connection extends EObject {
	/**
	 * Returns the value of the '<em><b>Source Node</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Source Node</em>' attribute.
	 * @see #setSourceNode(String)
	 * @see com.pexper.model.WorkflowPackage#getConnection_SourceNode()
	 * @model
	 * @generated
	 */
	String getSourceNode();

	/**
	 * Sets the value of the '{@link com.pexper.model.Connection#getSourceNode <em>Source Node</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Source Node</em>' attribute.
	 * @see #getSourceNode()
	 * @generated
	 */
	void setSourceNode(String value);

	/**
	 * Returns the value of the '<em><b>Source Port</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Source Port</em>' attribute.
	 * @see #setSourcePort(String)
	 * @see com.pexper.model.WorkflowPackage#getConnection_SourcePort()
	 * @model
	 * @generated
	 */
	String getSourcePort();

	/**
	 * Sets the value of the '{@link com.pexper.model.Connection#getSourcePort <em>Source Port</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Source Port</em>' attribute.
	 * @see #getSourcePort()
	 * @generated
	 */
	void setSourcePort(String value);

	/**
	 * Returns the value of the '<em><b>Target Node</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Target Node</em>' attribute.
	 * @see #setTargetNode(String)
	 * @see com.pexper.model.WorkflowPackage#getConnection_TargetNode()
	 * @model
	 * @generated
	 */
	String getTargetNode();

	/**
	 * Sets the value of the '{@link com.pexper.model.Connection#getTargetNode <em>Target Node</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Target Node</em>' attribute.
	 * @see #getTargetNode()
	 * @generated
	 */
	void setTargetNode(String value);

	/**
	 * Returns the value of the '<em><b>Target Port</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Target Port</em>' attribute.
	 * @see #setTargetPort(String)
	 * @see com.pexper.model.WorkflowPackage#getConnection_TargetPort()
	 * @model
	 * @generated
	 */
	String getTargetPort();

	/**
	 * Sets the value of the '{@link com.pexper.model.Connection#getTargetPort <em>Target Port</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Target Port</em>' attribute.
	 * @see #getTargetPort()
	 * @generated
	 */
	void setTargetPort(String value);

} // Connection
