/** Models for tests of on-device background removal: tiny ONNX files with the IS-Net contract. */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.imaging.onnx.testing;
