package io.dash4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

/**
 * The rules the package-info files state, held by the build: one boundary between the app API and
 * the runtime, dependencies that point one way, and no package cycles.
 */
class ArchitectureTest {
  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.dash4j");

  /** Packages an app imports; the model is the app's side of the boundary too. */
  private static final String[] APP_API = {
    "io.dash4j",
    "io.dash4j.callback..",
    "io.dash4j.layout..",
    "io.dash4j.pages..",
    "io.dash4j.figure..",
    "io.dash4j.websocket..",
    "io.dash4j.broadcast..",
    "io.dash4j.components..",
    "io.dash4j.model.."
  };

  @Test
  void noPackageDependsInACircle() {
    slices().assignedFrom(new EachPackage()).should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void theAppApiImportsNoVertxAndNothingOfTheRuntime() {
    noClasses()
        .that()
        .resideInAnyPackage(APP_API)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.vertx..", "io.netty..", "io.dash4j.runtime..")
        .check(MAIN);
  }

  @Test
  void theProtocolKnowsNeitherVertxNorCallbacksNorTheModel() {
    noClasses()
        .that()
        .resideInAPackage("io.dash4j.protocol..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.vertx..",
            "io.netty..",
            "io.dash4j.callback..",
            "io.dash4j.model..",
            "io.dash4j.runtime..",
            "io.dash4j.pages..",
            "io.dash4j.components..")
        .check(MAIN);
  }

  @Test
  void theRuntimeDoesNotUseTheGeneratedComponentClasses() {
    noClasses()
        .that()
        .resideInAnyPackage("io.dash4j.runtime..", "io.dash4j.model..", "io.dash4j.protocol..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.dash4j.components..")
        .check(MAIN);
  }

  @Test
  void theModelKnowsNotTheFrontDoorItServes() {
    noClasses()
        .that()
        .resideInAPackage("io.dash4j.model..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.dash4j")
        .check(MAIN);
  }

  /** The rooms that serve pages and run callbacks: the rooms below them never call them. */
  private static final String[] DOORS_AND_CALLBACKS = {
    "io.dash4j.runtime.socket..",
    "io.dash4j.runtime.http..",
    "io.dash4j.runtime.exec..",
    "io.dash4j.runtime.launch.."
  };

  @Test
  void theDoorsAndTheCallbackRuntimeDependOneWay() {
    noClasses()
        .that()
        .resideInAPackage("io.dash4j.runtime.wire..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.dash4j.runtime.exec..",
            "io.dash4j.runtime.http..",
            "io.dash4j.runtime.socket..",
            "io.dash4j.runtime.launch..",
            "io.dash4j.model..")
        .check(MAIN);
    noClasses()
        .that()
        .resideInAnyPackage("io.dash4j.runtime.socket..", "io.dash4j.runtime.exec..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.dash4j.runtime.http..", "io.dash4j.runtime.launch..")
        .check(MAIN);
    noClasses()
        .that()
        .resideInAPackage("io.dash4j.runtime.socket..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.dash4j.runtime.exec..")
        .check(MAIN);
    noClasses()
        .that()
        .resideInAPackage("io.dash4j.runtime.topics..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(DOORS_AND_CALLBACKS)
        .check(MAIN);
    // the cluster room is called by the doors and the launcher; it knows none of the rooms
    noClasses()
        .that()
        .resideInAPackage("io.dash4j.runtime.cluster..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(DOORS_AND_CALLBACKS)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("io.dash4j.runtime.jobs..", "io.dash4j.runtime.topics..")
        .check(MAIN);
  }

  @Test
  void theBroadcastApiImportsOnlyTheJdk() {
    noClasses()
        .that()
        .resideInAPackage("io.dash4j.broadcast..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("java..", "io.dash4j.broadcast..")
        .check(MAIN);
  }

  /**
   * Vert.x's internal API may change in any release: the callback path answers through {@code
   * runOnContext} on the door's context instead of dispatching user code on a context of its own.
   */
  @Test
  void vertxInternalApiIsNotUsed() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.vertx.core.internal..", "io.vertx..impl..")
        .check(MAIN);
  }

  /** Each package is a slice of its own, so a cycle between a package and its parent counts too. */
  private static final class EachPackage implements SliceAssignment {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      return SliceIdentifier.of(javaClass.getPackageName());
    }

    @Override
    public String getDescription() {
      return "each package of io.dash4j";
    }
  }
}
