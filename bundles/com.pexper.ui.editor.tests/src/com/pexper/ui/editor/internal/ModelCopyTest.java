package com.pexper.ui.editor.internal;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;

import com.pexper.model.Workflow;
import com.pexper.model.io.WorkflowFiles;

/** The run's copy of a workflow is the workflow: every example, node, setting, connection and group. */
class ModelCopyTest {

    @Test
    void aCopyEqualsTheOriginalForEveryExampleAndSharesNothingWithIt() throws Exception {
        Path examples = Path.of(System.getProperty("user.dir")).resolve("../../examples").normalize();
        try (Stream<Path> files = Files.list(examples)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pexper")).toList()) {
                Workflow original = WorkflowFiles.load(file);
                original.getMetadata().put("groups", "[{\"title\": \"a group\", \"nodes\": []}]");
                Workflow copy = ModelCopy.of(original);
                assertTrue(EcoreUtil.equals(original, copy), file.toString());
                assertNotSame(original.getNodes().get(0), copy.getNodes().get(0));
                assertNotSame(original.getNodes().get(0).getParameters(), copy.getNodes().get(0).getParameters());
            }
        }
    }
}
