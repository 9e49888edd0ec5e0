package vn.portal.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PasswordsTest {

    @Inject
    Passwords passwords;

    @Test
    void everyCharacterOfALongVietnamesePasswordCounts() {
        // 24 × "ạ" is 72 bytes of UTF-8: all that bcrypt itself would read
        String password = "ạ".repeat(64);
        String hash = passwords.hash(password);
        assertTrue(passwords.matches(password, hash));
        assertFalse(passwords.matches("ạ".repeat(24), hash));
        assertFalse(passwords.matches("ạ".repeat(63) + "a", hash));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTimeAndTheHashIsNotThePassword() {
        String password = "mật-khẩu-thử-2020";
        String first = passwords.hash(password);
        assertNotEquals(first, passwords.hash(password));
        assertFalse(first.contains(password));
        assertTrue(first.startsWith("$2"));
    }
}
