/** Where a workflow's nodes may read and write: its folders, the user's grants, never Pexper's own data. */
package com.pexper.core.files;
