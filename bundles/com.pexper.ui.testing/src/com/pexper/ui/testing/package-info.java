/** For tests of the workbench only: finding and pressing widgets as a user sees them, screenshots, restarting a component. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.ui.testing;
