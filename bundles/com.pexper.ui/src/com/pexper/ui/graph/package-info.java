/** What every view of a workflow graph shows the same way: the colour of each kind of value, the icon of each node type. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.ui.graph;
