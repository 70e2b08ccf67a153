/**
 * The commands of the {@code pexper} command line. A bundle contributes one by registering a
 * {@link com.pexper.commands.Command} service (a Declarative Services component); the command line
 * lists what is installed in {@code pexper help} and runs a command with a
 * {@link com.pexper.commands.CommandContext}: the console, the data folder, Ctrl-C, and running a
 * workflow the command built with progress shown as {@code pexper run} shows it.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.commands;
