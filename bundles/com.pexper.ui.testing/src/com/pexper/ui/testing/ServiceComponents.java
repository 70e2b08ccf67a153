package com.pexper.ui.testing;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** Declarative Services components as a test restarts them: to read settings it changed, as a new start would. */
public final class ServiceComponents {

    private ServiceComponents() {
    }

    /** Disables and enables the component, so that its services are made again. */
    public static void restart(String componentName) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ServiceComponents.class).getBundleContext();
        ServiceReference<ServiceComponentRuntime> reference = context.getServiceReference(ServiceComponentRuntime.class);
        ServiceComponentRuntime scr = context.getService(reference);
        try {
            for (ComponentDescriptionDTO component : scr.getComponentDescriptionDTOs()) {
                if (component.name.equals(componentName)) {
                    scr.disableComponent(component).getValue();
                    scr.enableComponent(component).getValue();
                    return;
                }
            }
            throw new AssertionError("no component named " + componentName);
        } finally {
            context.ungetService(reference);
        }
    }
}
