/**
 */
package com.pexper.model;


/**
 * <!-- begin-user-doc -->
 * A representation of the model object '<em><b>Integer Parameter</b></em>'.
 * <!-- end-user-doc -->
 *
 * <p>
 * The following features are supported:
 * </p>
 * <ul>
 *   <li>{@link com.pexper.model.IntegerParameter#getValue <em>Value</em>}</li>
 * </ul>
 *
 * @see com.pexper.model.WorkflowPackage#getIntegerParameter()
 * @model
 * @generated
 */
public interface IntegerParameter extends ParameterValue {
	/**
	 * Returns the value of the '<em><b>Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the value of the '<em>Value</em>' attribute.
	 * @see #setValue(long)
	 * @see com.pexper.model.WorkflowPackage#getIntegerParameter_Value()
	 * @model
	 * @generated
	 */
	long getValue();

	/**
	 * Sets the value of the '{@link com.pexper.model.IntegerParameter#getValue <em>Value</em>}' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @param value the new value of the '<em>Value</em>' attribute.
	 * @see #getValue()
	 * @generated
	 */
	void setValue(long value);

} // IntegerParameter
