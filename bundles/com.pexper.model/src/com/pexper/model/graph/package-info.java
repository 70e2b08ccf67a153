/** An index over a workflow's nodes and connections: what feeds what, an order, the cycles. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.model.graph;
