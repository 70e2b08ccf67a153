package com.pexper.releng.modelgen;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.eclipse.emf.codegen.ecore.generator.Generator;
import org.eclipse.emf.codegen.ecore.generator.GeneratorAdapterFactory;
import org.eclipse.emf.codegen.ecore.genmodel.GenModel;
import org.eclipse.emf.codegen.ecore.genmodel.GenModelPackage;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenBaseGeneratorAdapter;
import org.eclipse.emf.codegen.ecore.genmodel.generator.GenModelGeneratorAdapterFactory;
import org.eclipse.emf.common.util.BasicMonitor;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.plugin.EcorePlugin;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.EcoreResourceFactoryImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/**
 * Runs the EMF model generator outside Eclipse. Projects are mapped to folders under the bundles
 * directory, so platform:/resource/com.pexper.model/... is bundles/com.pexper.model/...
 */
public final class GenerateModel {

    public static void main(String[] args) throws IOException {
        Path bundles = Path.of(args[0]).toAbsolutePath().normalize();
        String genModelPath = args[1];
        String project = genModelPath.substring(0, genModelPath.indexOf('/'));
        Path projectDir = bundles.resolve(project);

        // The generator also writes plugin.xml, build.properties and plugin.properties, which the
        // bundle owns; so it runs on a scratch copy of the model and only src-gen is taken back.
        Path scratch = Files.createTempDirectory("pexper-modelgen");
        copyTree(projectDir.resolve("model"), scratch.resolve("model"));

        EcorePlugin.getPlatformResourceMap().put(project, URI.createFileURI(scratch + File.separator));
        EcorePackage.eINSTANCE.eClass();
        GenModelPackage.eINSTANCE.eClass();
        // In the IDE an extension registers this; standalone, nothing would be generated without it.
        GeneratorAdapterFactory.Descriptor.Registry.INSTANCE.addDescriptor(GenModelPackage.eNS_URI,
                GenModelGeneratorAdapterFactory.DESCRIPTOR);
        ResourceSet resources = new ResourceSetImpl();
        resources.getResourceFactoryRegistry().getExtensionToFactoryMap().put("ecore", new EcoreResourceFactoryImpl());
        resources.getResourceFactoryRegistry().getExtensionToFactoryMap().put("genmodel", new XMIResourceFactoryImpl());
        resources.getURIConverter().getURIMap().putAll(EcorePlugin.computePlatformURIMap(false));

        Resource resource = resources.getResource(URI.createPlatformResourceURI(genModelPath, true), true);
        GenModel genModel = (GenModel) resource.getContents().get(0);
        genModel.reconcile();
        genModel.setCanGenerate(true);
        genModel.setValidateModel(true);
        Diagnostic diagnostic = genModel.diagnose();
        if (diagnostic.getSeverity() >= Diagnostic.ERROR) {
            throw new IllegalStateException("genmodel is invalid: " + diagnostic);
        }

        Generator generator = new Generator();
        generator.setInput(genModel);
        Diagnostic result = generator.generate(genModel, GenBaseGeneratorAdapter.MODEL_PROJECT_TYPE,
                new BasicMonitor.Printing(System.out));
        if (result.getSeverity() >= Diagnostic.ERROR) {
            throw new IllegalStateException("generation failed: " + result);
        }
        String srcGen = genModel.getModelDirectory().substring(project.length() + 2);
        deleteTree(projectDir.resolve(srcGen));
        copyTree(scratch.resolve(srcGen), projectDir.resolve(srcGen));
        deleteTree(scratch);
        System.out.println("generated " + projectDir.resolve(srcGen));
        System.exit(0); // EMF leaves a non-daemon reference-polling thread behind
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
