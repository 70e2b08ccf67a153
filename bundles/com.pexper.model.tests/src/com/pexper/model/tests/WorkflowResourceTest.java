package com.pexper.model.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.pexper.model.Workflow;
import com.pexper.model.io.AtomicFile;
import com.pexper.model.io.WorkflowFiles;
import com.pexper.model.io.WorkflowResource;

class WorkflowResourceTest {

    @TempDir
    Path folder;

    @Test
    void aResourceSetLoadsEditsAndSavesAWorkflowAtomically() throws IOException {
        Path file = folder.resolve("edit.pexper");
        WorkflowFiles.save(TestWorkflows.chain("before", 3), file);
        byte[] before = Files.readAllBytes(file);

        ResourceSet set = new ResourceSetImpl();
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put(WorkflowFiles.EXTENSION,
                new WorkflowResource.Factory());
        Resource resource = set.getResource(URI.createFileURI(file.toString()), true);
        Workflow workflow = ((WorkflowResource) resource).getWorkflow();
        assertEquals(3, workflow.getNodes().size());
        workflow.setName("after");
        resource.save(Map.of());

        assertEquals("after", WorkflowFiles.load(file).getName());
        assertArrayEquals(before, Files.readAllBytes(AtomicFile.backupOf(file)));
        assertTrue(resource.getErrors().isEmpty());
    }
}
