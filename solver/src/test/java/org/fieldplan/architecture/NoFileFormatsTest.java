package org.fieldplan.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.RandomAccessFile;
import java.nio.file.Path;

import org.fieldplan.domain.FieldPlan;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The solver module is the optimization core alone: its main classes know no file format and touch no file.
 * Reading and writing problems, plans, mappings and calendars, census placement and the region generator live in
 * the data module ({@code org.fieldplan.data.io}, {@code mapping}, {@code calendar}, {@code generator}).
 */
class NoFileFormatsTest {

    private static final JavaClasses SOLVER_MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.fieldplan");

    static final ArchRule NO_FILE_FORMATS_OR_FILES = noClasses().that().resideInAPackage("org.fieldplan..")
            .should().dependOnClassesThat(resideInAnyPackage(
                    "com.fasterxml.jackson..",      // JSON
                    "org.n52.jackson..",            // GeoJSON
                    "org.gdal..",                   // GDAL / OGR
                    "com.univocity..", "org.apache.commons.csv..", "com.opencsv..", // CSV
                    "java.nio.file..",              // Path, Files
                    "org.fieldplan.data..")         // the module that reads and writes
                    .or(belongToAnyOf(File.class, FileInputStream.class, FileOutputStream.class, FileReader.class,
                            FileWriter.class, RandomAccessFile.class)))
            .because("solver is the optimization core alone: file formats and file I/O live in the data module");

    @Test
    void solversMainClassesDependOnNoFileFormatAndNoFileIo() {
        assertThat(SOLVER_MAIN.contain(FieldPlan.class)).as("the import found solver's main classes").isTrue();
        assertThat(SOLVER_MAIN.stream().filter(c -> c.getPackageName().startsWith("org.fieldplan.data")))
                .as("no data-module class on solver's classpath").isEmpty();
        NO_FILE_FORMATS_OR_FILES.check(SOLVER_MAIN);
    }

    @Test
    void theRuleCatchesAClassThatReadsAFile() {
        JavaClasses offender = new ClassFileImporter().importClasses(ReadsAFile.class);
        assertThatThrownBy(() -> NO_FILE_FORMATS_OR_FILES.check(offender))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("java.nio.file.Path")
                .hasMessageContaining("java.io.FileReader");
    }

    /** What the rule forbids: a class in an {@code org.fieldplan} package that opens a file. */
    static final class ReadsAFile {
        Object open(Path file) throws java.io.IOException {
            return new FileReader(file.toFile());
        }
    }
}
