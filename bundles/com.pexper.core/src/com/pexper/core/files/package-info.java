/** Where a workflow's nodes may read and write: its folders, the user's grants, never Pexper's own data. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.core.files;
