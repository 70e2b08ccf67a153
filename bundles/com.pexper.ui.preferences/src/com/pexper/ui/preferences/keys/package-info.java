/** Storing an API key from a window: for the Keys preference page and, as its friend, the editor's key field. */
package com.pexper.ui.preferences.keys;
