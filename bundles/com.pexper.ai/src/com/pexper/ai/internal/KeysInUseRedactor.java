package com.pexper.ai.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.pexper.ai.AiClients;
import com.pexper.core.engine.Redactor;

/**
 * The application's {@link Redactor}: takes the keys the AI clients know out of text, so that the
 * engine, the command line and the workbench hide them without knowing about keys themselves.
 */
@Component(service = Redactor.class)
public final class KeysInUseRedactor implements Redactor {

    private final AiClients clients;

    @Activate
    public KeysInUseRedactor(@Reference AiClients clients) {
        this.clients = clients;
    }

    @Override
    public String redact(String text) {
        return clients.redactor().redact(text);
    }

    @Override
    public int undecided(String text) {
        return clients.redactor().undecided(text);
    }
}
