/**
 * Background removal on the device with ONNX Runtime: the model catalogue, the models on disk,
 * sessions and cut-outs.
 */
@org.osgi.annotation.versioning.Version("0.1.0")
package com.pexper.imaging.onnx;
