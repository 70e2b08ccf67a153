/** What every view of a workflow graph shows the same way: the colour of each kind of value. */
package com.pexper.ui.graph;
