/** User text quoted into messages: bounded, on one line. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.model.text;
