/**
 * The network gate, the one door out of Pexper, and the privacy ledger of everything that went
 * through it.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.net;
