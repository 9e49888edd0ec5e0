package vn.portal;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shape of the house, checked on the compiled classes so that it stays: every arrow points
 * down the floors below, no two packages need each other, and every write to a feature's tables
 * goes through the one write path.
 */
class ArchitectureTest {

    /**
     * The floors, lowest first. A package may use its own floor's package and those below; the
     * two parts of a submission (its files and its comments) share a floor and know nothing of
     * each other. A package of {@code vn.portal} missing here fails {@link #everyPackageHasAFloor}.
     */
    static final List<Set<String>> FLOORS = List.of(
            Set.of("common"),
            Set.of("infra"),
            Set.of("access"),
            Set.of("audit", "events"),
            Set.of("webhook"),
            Set.of("user"),
            Set.of("subcommittee"),
            Set.of("member"),
            Set.of("responsibility"),
            Set.of("milestone"),
            Set.of("submission"),
            Set.of("submission.attachment", "submission.comment"),
            Set.of("session"),
            Set.of("progress"),
            Set.of("report"),
            Set.of("login"),
            Set.of("backup"),
            Set.of("index"),
            Set.of("demo"));

    /**
     * Where an entity may be stored, changed or removed other than through {@code common.write.Writes}:
     * the stores that are not a feature's objects (idempotency keys, login failures, the trail itself, the
     * change feed's outbox and its sequencer, the deadline reminders' claims, the counter of session numbers),
     * and two methods that the write path calls or records: the one statement that keeps a token
     * user's roles in step, and the files a deleted submission takes with it.
     */
    static final Set<String> OWN_STORES = Set.of(
            "vn.portal.common.write.Writes",
            "vn.portal.common.idempotency.IdempotencyStore",
            "vn.portal.login.LoginThrottle",
            "vn.portal.audit.AuditTrail",
            "vn.portal.events.EventOutbox",
            "vn.portal.events.EventSequencer",
            "vn.portal.webhook.WebhookDispatcher",
            "vn.portal.webhook.WebhookService.restartFromHead",
            "vn.portal.milestone.MilestoneReminders",
            "vn.portal.user.UserService.syncRoles",
            "vn.portal.submission.attachment.AttachmentRepository.deleteOf",
            "vn.portal.session.SessionNumbers");

    static final Path SOURCES = Path.of("src", "main", "java");

    /** A Java string literal or text block. */
    static final Pattern STRING_LITERAL = Pattern.compile("\"\"\"(?s:.*?)\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"");

    /** An entity a JPQL query reads or writes. */
    static final Pattern ENTITY_IN_QUERY = Pattern.compile("\\b((?i:from|join|update))\\s+([A-Z]\\w*)");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.portal");
    }

    @Test
    void everyPackageHasAFloor() {
        Set<String> homeless = new TreeSet<>();
        for (JavaClass javaClass : classes) {
            if (floorOf(javaClass) < 0) {
                homeless.add(javaClass.getPackageName());
            }
        }
        assertEquals(Set.of(), homeless, "packages without a floor in ArchitectureTest.FLOORS");
    }

    @Test
    void arrowsPointDown() {
        List<String> upward = new ArrayList<>();
        for (JavaClass javaClass : classes) {
            int floor = floorOf(javaClass);
            for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass();
                if (!target.getPackageName().startsWith("vn.portal") || feature(target).equals(feature(javaClass))) {
                    continue;
                }
                if (floorOf(target) >= floor) {
                    upward.add(dependency.getDescription());
                }
            }
        }
        assertEquals(List.of(), upward, "dependencies that run up the floors or across one");
    }

    @Test
    void noTwoPackagesNeedEachOther() {
        slices().matching("vn.portal.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void writesGoThroughTheWritePath() {
        List<String> elsewhere = new ArrayList<>();
        for (JavaClass javaClass : classes) {
            if (OWN_STORES.contains(javaClass.getName())) {
                continue;
            }
            for (JavaMethodCall call : javaClass.getMethodCallsFromSelf()) {
                String caller = javaClass.getName() + "." + call.getOrigin().getName();
                boolean lambdaOf = OWN_STORES.stream().anyMatch(own -> caller.startsWith(javaClass.getName() + ".lambda$"
                        + own.substring(own.lastIndexOf('.') + 1) + "$"));
                if (isWrite(call) && !OWN_STORES.contains(caller) && !lambdaOf) {
                    elsewhere.add(call.getDescription());
                }
            }
        }
        assertEquals(List.of(), elsewhere, "writes that bypass common.write.Writes");
    }

    /**
     * The compiler does not see a query's text, so this reads it: a JPQL string may name the
     * entities of its own feature and of the floors below, never one above (a feature that needs to
     * know about what is stored above it asks an interface it owns, as the submission does of its files).
     */
    @Test
    void queriesNameOnlyEntitiesBelow() throws IOException {
        Map<String, JavaClass> entities = new HashMap<>();
        for (JavaClass javaClass : classes) {
            if (javaClass.isAnnotatedWith(Entity.class)) {
                entities.put(javaClass.getSimpleName(), javaClass);
            }
        }
        List<String> upward = new ArrayList<>();
        for (JavaClass javaClass : classes) {
            if (javaClass.isNestedClass() || javaClass.getSource().isEmpty()) {
                continue;
            }
            Path source = SOURCES.resolve(javaClass.getName().replace('.', '/') + ".java");
            if (!Files.exists(source)) {
                continue;
            }
            Matcher literal = STRING_LITERAL.matcher(Files.readString(source));
            while (literal.find()) {
                Matcher named = ENTITY_IN_QUERY.matcher(literal.group());
                while (named.find()) {
                    JavaClass entity = entities.get(named.group(2));
                    if (entity != null && !feature(entity).equals(feature(javaClass))
                            && floorOf(entity) >= floorOf(javaClass)) {
                        upward.add(javaClass.getSimpleName() + " queries " + entity.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), upward, "queries that name an entity of a floor above or beside");
    }

    private static boolean isWrite(JavaMethodCall call) {
        JavaClass owner = call.getTargetOwner();
        String name = call.getName();
        if (owner.isAssignableTo(EntityManager.class)) {
            return Set.of("persist", "remove", "merge").contains(name);
        }
        if (owner.isAssignableTo(Query.class)) {
            return name.equals("executeUpdate");
        }
        if (owner.isAssignableTo(PanacheRepositoryBase.class) || owner.isAssignableTo(PanacheEntityBase.class)) {
            return name.startsWith("persist") || name.startsWith("delete") || name.equals("update");
        }
        return false;
    }

    /** The feature a class belongs to: its package below {@code vn.portal}, as named on its floor. */
    private static String feature(JavaClass javaClass) {
        String relative = javaClass.getPackageName().equals("vn.portal") ? ""
                : javaClass.getPackageName().substring("vn.portal.".length());
        String best = relative;
        int bestLength = -1;
        for (Set<String> floor : FLOORS) {
            for (String name : floor) {
                if ((relative.equals(name) || relative.startsWith(name + ".")) && name.length() > bestLength) {
                    best = name;
                    bestLength = name.length();
                }
            }
        }
        return best;
    }

    private static int floorOf(JavaClass javaClass) {
        String feature = feature(javaClass);
        for (int i = 0; i < FLOORS.size(); i++) {
            if (FLOORS.get(i).contains(feature)) {
                return i;
            }
        }
        return -1;
    }
}
