/**
 * Editing workflows: every change (add, move, connect, delete, a parameter) is a command on one
 * command stack, so that it can be undone and redone and the editor knows when the file is dirty.
 * Free of any UI, so that editing is tested in a plain JVM, as EMF.Edit separates its commands
 * from its viewers.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.edit;
