package com.pexper.ai.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import com.pexper.ai.Secret;
import com.pexper.ai.keys.CredentialStore;
import com.pexper.ai.keys.KeyOrigin;
import com.pexper.core.home.PexperHome;

/**
 * Keys in Equinox secure storage: one encrypted file (PBEWithHmacSHA512AndAES_256) in
 * PEXPER_HOME/secure. Needs OSGi (the Equinox security bundle).
 *
 * <p>The master password: from {@code PEXPER_MASTER_PASSWORD} when set, else a random 256-bit one
 * created on first use in a file readable only by the user ({@code master.key}, mode 600) beside
 * the storage. Headless Linux machines have no keyring to hold it, and a prompt would break
 * unattended runs. Each key's binding (the origins it may be sent to) is encrypted beside it and
 * sealed with the key itself, so neither a rewritten settings file nor an edited storage file can
 * point it elsewhere. This protects the keys wherever the storage file goes without the master file
 * (backups, sync, a copied workspace); it does not protect them from someone who can read the
 * user's files, which no local scheme without a keyring can.
 *
 * <p>As a Declarative Services component it is the installed application's store, in
 * PEXPER_HOME/secure; tests make their own with the plain constructor.
 */
@Component(service = CredentialStore.class)
public final class SecureStorageCredentialStore implements CredentialStore {

    public static final String MASTER_PASSWORD_VARIABLE = "PEXPER_MASTER_PASSWORD";
    private static final String ROOT = "pexper/keys";
    private static final String VALUE = "key";
    private static final String PROVIDER = "provider";
    /** Encrypted: "v1 SEAL ORIGIN..." (see {@link #mac}). */
    private static final String ORIGINS = "origins";
    private static final String BINDING_VERSION = "v1";

    private final Path storage;
    private final Map<String, String> environment;
    private ISecurePreferences root;

    /** The installed application's store (PEXPER_HOME from the environment, as every part of Pexper finds it). */
    @Activate
    public SecureStorageCredentialStore() {
        this(PexperHome.fromEnvironment().secureStorage(), System.getenv());
    }

    /**
     * The store; the file is opened (and the master key made) on first use, so commands that need
     * no key never touch it.
     *
     * @param storage the secure storage file (created when missing)
     * @param environment for {@value #MASTER_PASSWORD_VARIABLE}
     */
    public SecureStorageCredentialStore(Path storage, Map<String, String> environment) {
        this.storage = storage;
        this.environment = Map.copyOf(environment);
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
    public synchronized Optional<StoredKey> describe(String name) throws IOException {
        Optional<Secret> key = get(name);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        ISecurePreferences node = root().node(name);
        String provider;
        String binding;
        try {
            provider = node.get(PROVIDER, "");
            binding = node.get(ORIGINS, null);
        } catch (StorageException e) {
            return Optional.of(damaged(name, "", "it could not be decrypted (" + e.getMessage() + ")"));
        }
        if (binding == null) {
            return Optional.of(new StoredKey(name, provider, List.of()));
        }
        String[] parts = binding.split(" ");
        List<String> origins = List.of(parts).subList(Math.min(2, parts.length), parts.length);
        if (parts.length < 3 || !parts[0].equals(BINDING_VERSION)
                || !MessageDigest.isEqual(parts[1].getBytes(StandardCharsets.US_ASCII),
                        mac(key.get(), name, origins).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(damaged(name, provider, "its record does not check out: the secure storage was altered"));
        }
        return Optional.of(new StoredKey(name, provider, origins));
    }

    private static StoredKey damaged(String name, String provider, String why) {
        return new StoredKey(name, provider, List.of(), "the addresses the key '" + name + "' may be sent to cannot be"
                + " read: " + why + ". Store the key again: ./pexper keys set " + name + " < key.txt");
    }

    /**
     * The binding's seal: an HMAC-SHA256 keyed with the API key itself over the name and the origins.
     * Equinox encrypts each value without authenticating it, so a value could be moved from another
     * key or from an old copy of the file; without the key, no one can make a seal that checks out.
     */
    private static String mac(Secret key, String name, List<String> origins) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] seal = mac.doFinal(("pexper key origins\n" + name + "\n" + String.join(" ", origins))
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(seal);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public synchronized void put(String name, String provider, Secret key, String origin) throws IOException {
        List<String> origins = origin == null ? List.of() : List.of(KeyOrigin.of(origin));
        ISecurePreferences node = root().node(CredentialStore.checkName(name));
        try {
            node.put(VALUE, key.reveal(), true);
            node.put(PROVIDER, provider == null ? "" : provider, false);
            writeOrigins(node, name, key, origins);
        } catch (StorageException e) {
            throw new IOException("the key '" + name + "' could not be encrypted: " + e.getMessage(), e);
        }
        root().flush();
    }

    private static void writeOrigins(ISecurePreferences node, String name, Secret key, List<String> origins)
            throws StorageException {
        if (origins.isEmpty()) {
            node.remove(ORIGINS);
        } else {
            node.put(ORIGINS, BINDING_VERSION + " " + mac(key, name, origins) + " " + String.join(" ", origins), true);
        }
    }

    @Override
    public synchronized boolean allow(String name, String origin) throws IOException {
        Optional<StoredKey> stored = describe(name);
        if (stored.isEmpty()) {
            return false;
        }
        if (stored.get().problem() != null) {
            throw new IOException(stored.get().problem());
        }
        List<String> origins = new ArrayList<>(stored.get().origins());
        String added = KeyOrigin.of(origin);
        if (!origins.contains(added)) {
            origins.add(added);
        }
        try {
            writeOrigins(root().node(name), name, get(name).orElseThrow(), origins);
        } catch (StorageException e) {
            throw new IOException("the key '" + name + "' could not be encrypted: " + e.getMessage(), e);
        }
        root().flush();
        return true;
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
            try {
                describe(name).ifPresent(result::add);
            } catch (IOException e) {
                result.add(new StoredKey(name, "", List.of(), e.getMessage()));
            }
        }
        result.sort(java.util.Comparator.comparing(StoredKey::name));
        return result;
    }
}
