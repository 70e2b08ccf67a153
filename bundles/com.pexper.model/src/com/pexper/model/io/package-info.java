/**
 * Reading and writing workflow files: the JSON format, its versions, and saves that never leave
 * half a file.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.model.io;
