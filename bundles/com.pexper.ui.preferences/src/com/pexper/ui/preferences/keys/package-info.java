/** Storing an API key from a window: for the Keys preference page and the editor's key field. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.ui.preferences.keys;
