/** EMF's generated switch and adapter factory over the workflow model. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.model.util;
