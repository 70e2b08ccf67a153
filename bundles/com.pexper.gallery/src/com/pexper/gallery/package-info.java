/**
 * The gallery: every image Pexper's runs wrote, newest first, each with what made it (the prompt,
 * provider, model and seed, or the source photo and the chain of nodes), kept in PEXPER_HOME.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.gallery;
