package dev.eventide.crypto.bc;

import dev.eventide.crypto.PasswordScheme;

/**
 * bcrypt as a {@link PasswordScheme}: with this module present, the core's Password.verify
 * checks {@code $2a$/$2b$/$2y$} hashes (those the bcrypt and bcryptjs packages store) through
 * {@link Bcrypt}. Found by ServiceLoader; stateless, any thread.
 */
public final class BcryptScheme implements PasswordScheme {
    /** Made by ServiceLoader. */
    public BcryptScheme() {
        // Stateless.
    }

    @Override
    public boolean handles(String stored) {
        return stored.startsWith("$2a$") || stored.startsWith("$2b$") || stored.startsWith("$2y$");
    }

    @Override
    public boolean verify(String password, String stored) {
        return Bcrypt.verifySync(password, stored);
    }
}
