package com.pexper.ai.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;

import com.pexper.ai.Secret;

/**
 * Keys in Equinox secure storage: one encrypted file (PBEWithHmacSHA512AndAES_256) in
 * PEXPER_HOME/secure. Needs OSGi (the Equinox security bundle).
 *
 * <p>The master password: from {@code PEXPER_MASTER_PASSWORD} when set, else a random 256-bit one
 * created on first use in a file readable only by the user ({@code master.key}, mode 600) beside
 * the storage. Headless Linux machines have no keyring to hold it, and a prompt would break
 * unattended runs. This protects the keys wherever the storage file goes without the master file
 * (backups, sync, a copied workspace); it does not protect them from someone who can read the
 * user's files, which no local scheme without a keyring can.
 */
public final class SecureStorageCredentialStore implements CredentialStore {

    public static final String MASTER_PASSWORD_VARIABLE = "PEXPER_MASTER_PASSWORD";
    private static final String ROOT = "pexper/keys";
    private static final String VALUE = "key";
    private static final String PROVIDER = "provider";

    private final Path storage;
    private final Map<String, String> environment;
    private ISecurePreferences root;

    private SecureStorageCredentialStore(Path storage, Map<String, String> environment) {
        this.storage = storage;
        this.environment = Map.copyOf(environment);
    }

    /**
     * The store; the file is opened (and the master key made) on first use, so commands that need
     * no key never touch it.
     *
     * @param storage the secure storage file (created when missing)
     * @param environment for {@value #MASTER_PASSWORD_VARIABLE}
     */
    public static SecureStorageCredentialStore at(Path storage, Map<String, String> environment) {
        return new SecureStorageCredentialStore(storage, environment);
    }

    private ISecurePreferences root() throws IOException {
        if (root == null) {
            root = open(storage, environment);
        }
        return root;
    }

    private static ISecurePreferences open(Path storage, Map<String, String> environment) throws IOException {
        Path folder = storage.toAbsolutePath().getParent();
        createPrivateFolder(folder);
        String master = environment.get(MASTER_PASSWORD_VARIABLE);
        if (master == null || master.isEmpty()) {
            master = readOrCreateMasterKey(folder.resolve("master.key"));
        }
        Map<String, Object> options = new HashMap<>();
        options.put(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(master.toCharArray()));
        options.put(IProviderHints.PROMPT_USER, Boolean.FALSE);
        ISecurePreferences preferences = SecurePreferencesFactory.open(storage.toUri().toURL(), options);
        if (preferences == null) {
            throw new IOException("secure storage " + storage + " could not be opened");
        }
        return preferences.node(ROOT);
    }

    private static void createPrivateFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            try {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user's profile folder is private already
            }
        }
    }

    private static String readOrCreateMasterKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String key = Base64.getEncoder().withoutPadding().encodeToString(random);
            try {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                }
                Files.writeString(file, key, StandardCharsets.US_ASCII);
                return key;
            } catch (FileAlreadyExistsException raced) {
                // another process made it first: use theirs
            }
        }
        String key = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (key.isEmpty()) {
            throw new IOException(file + " is empty; remove it and the secure storage beside it, then set the keys again");
        }
        return key;
    }

    @Override
    public synchronized Optional<Secret> get(String name) throws IOException {
        if (!root().nodeExists(name)) {
            return Optional.empty();
        }
        try {
            String value = root().node(name).get(VALUE, null);
            return value == null ? Optional.empty() : Optional.of(Secret.of(value));
        } catch (StorageException e) {
            throw new IOException("the key '" + name + "' could not be decrypted (" + e.getMessage() + "). If the master"
                    + " key changed, remove the key with ./pexper keys remove " + name + " and set it again.", e);
        }
    }

    @Override
    public synchronized void put(String name, String provider, Secret key) throws IOException {
        ISecurePreferences node = root().node(CredentialStore.checkName(name));
        try {
            node.put(VALUE, key.reveal(), true);
            node.put(PROVIDER, provider == null ? "" : provider, false);
        } catch (StorageException e) {
            throw new IOException("the key '" + name + "' could not be encrypted: " + e.getMessage(), e);
        }
        root().flush();
    }

    @Override
    public synchronized boolean remove(String name) throws IOException {
        if (!root().nodeExists(name)) {
            return false;
        }
        root().node(name).removeNode();
        root().flush();
        return true;
    }

    @Override
    public synchronized List<StoredKey> list() throws IOException {
        List<StoredKey> result = new ArrayList<>();
        for (String name : root().childrenNames()) {
            String provider;
            try {
                provider = root().node(name).get(PROVIDER, "");
            } catch (StorageException e) {
                provider = "";
            }
            result.add(new StoredKey(name, provider));
        }
        result.sort(java.util.Comparator.comparing(StoredKey::name));
        return result;
    }
}
