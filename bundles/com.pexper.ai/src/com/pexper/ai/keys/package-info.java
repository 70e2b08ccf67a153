/**
 * API keys stored by name, bound to the address they may be sent to, and kept out of every
 * message.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.ai.keys;
