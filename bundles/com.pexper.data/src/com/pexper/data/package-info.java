/**
 * The user's data under the user's control: what Pexper keeps in {@code PEXPER_HOME}, exported
 * in one zip or erased ({@link com.pexper.data.UserData}).
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.data;
