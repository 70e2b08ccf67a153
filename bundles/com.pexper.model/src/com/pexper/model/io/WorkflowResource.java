package com.pexper.model.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.impl.ResourceFactoryImpl;
import org.eclipse.emf.ecore.resource.impl.ResourceImpl;

import com.pexper.model.Workflow;

/**
 * An EMF resource holding one workflow in the .pexper JSON format, for editors that work with a
 * ResourceSet and an editing domain. Saving a file: URI goes through {@link WorkflowFiles#save},
 * so it is atomic and keeps a backup.
 */
public class WorkflowResource extends ResourceImpl {

    public WorkflowResource(URI uri) {
        super(uri);
    }

    public Workflow getWorkflow() {
        return getContents().isEmpty() ? null : (Workflow) getContents().get(0);
    }

    @Override
    protected void doLoad(InputStream in, Map<?, ?> options) throws IOException {
        getContents().add(WorkflowFiles.read(in, getURI().toString()));
    }

    @Override
    public void save(Map<?, ?> options) throws IOException {
        if (getURI() != null && getURI().isFile()) {
            WorkflowFiles.save(requireWorkflow(), Path.of(getURI().toFileString()));
            setModified(false);
            return;
        }
        super.save(options);
    }

    @Override
    protected void doSave(OutputStream out, Map<?, ?> options) throws IOException {
        out.write(WorkflowFiles.toBytes(requireWorkflow()));
    }

    private Workflow requireWorkflow() throws IOException {
        if (getContents().size() != 1 || !(getContents().get(0) instanceof Workflow)) {
            throw new IOException(getURI() + ": a .pexper resource holds exactly one Workflow");
        }
        return getWorkflow();
    }

    /** Creates {@link WorkflowResource}s; registered for the {@code .pexper} extension. */
    public static class Factory extends ResourceFactoryImpl {
        @Override
        public WorkflowResource createResource(URI uri) {
            return new WorkflowResource(uri);
        }
    }
}
