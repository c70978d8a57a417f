package org.fieldplan.data.io;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fieldplan.domain.FieldPlanWeights;
import org.fieldplan.validation.ErrorPath;
import org.fieldplan.validation.ValidationError;
import org.optaplanner.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The {@code weights} object of the problem JSON: keys are {@link FieldPlanWeights} bean property names, values
 * a score in short form ({@code "1hard"}, {@code "200soft"}, {@code "0"}) or full form
 * ({@code "0hard/1medium/200soft"}). Properties are found by introspection so that a weight added to
 * {@link FieldPlanWeights} is readable and writable without touching this class.
 */
final class WeightsFormat {

    private static final Pattern SHORT_FORM = Pattern.compile("(-?\\d+)(hard|medium|soft)");
    private static final Map<String, PropertyDescriptor> PROPERTIES = weightProperties();

    private WeightsFormat() {
    }

    /** The default weights overridden by those given; unknown keys and unreadable values become errors. */
    static FieldPlanWeights parse(Map<String, String> given, List<ValidationError> errors) {
        FieldPlanWeights weights = new FieldPlanWeights();
        given.forEach((key, text) -> {
            String path = ErrorPath.field("weights", key);
            PropertyDescriptor property = PROPERTIES.get(key);
            if (property == null) {
                errors.add(new ValidationError(path, "unknown weight \"" + key + "\"; known weights: "
                        + String.join(", ", PROPERTIES.keySet())));
                return;
            }
            HardMediumSoftLongScore score = parseScore(text);
            if (score == null) {
                errors.add(new ValidationError(path, "\"" + text
                        + "\" is not a weight; write e.g. \"1hard\", \"200soft\", \"0\" or \"0hard/1medium/200soft\""));
            } else if (score.hardScore() < 0 || score.mediumScore() < 0 || score.softScore() < 0) {
                // A negative weight would silently turn a penalty into a reward.
                errors.add(new ValidationError(path, "must not be negative, was " + text));
            } else {
                invoke(property.getWriteMethod(), weights, score);
            }
        });
        return weights;
    }

    /** Every weight, in short form where one level suffices; keys in alphabetical order. */
    static Map<String, String> format(FieldPlanWeights weights) {
        Map<String, String> formatted = new LinkedHashMap<>();
        PROPERTIES.forEach((key, property) ->
                formatted.put(key, format((HardMediumSoftLongScore) invoke(property.getReadMethod(), weights))));
        return formatted;
    }

    static String format(HardMediumSoftLongScore score) {
        long[] levels = {score.hardScore(), score.mediumScore(), score.softScore()};
        long nonZero = Arrays.stream(levels).filter(level -> level != 0).count();
        if (nonZero == 0) {
            return "0";
        }
        if (nonZero > 1) {
            return score.toString();
        }
        return score.hardScore() != 0 ? score.hardScore() + "hard"
                : score.mediumScore() != 0 ? score.mediumScore() + "medium"
                : score.softScore() + "soft";
    }

    /** The score, or null when the text is in neither form. */
    private static HardMediumSoftLongScore parseScore(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.trim();
        if (trimmed.equals("0")) {
            return HardMediumSoftLongScore.ZERO;
        }
        Matcher shortForm = SHORT_FORM.matcher(trimmed);
        try {
            if (shortForm.matches()) {
                long value = Long.parseLong(shortForm.group(1));
                return switch (shortForm.group(2)) {
                    case "hard" -> HardMediumSoftLongScore.ofHard(value);
                    case "medium" -> HardMediumSoftLongScore.ofMedium(value);
                    default -> HardMediumSoftLongScore.ofSoft(value);
                };
            }
            HardMediumSoftLongScore score = HardMediumSoftLongScore.parseScore(trimmed);
            return score.isSolutionInitialized() ? score : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Map<String, PropertyDescriptor> weightProperties() {
        try {
            Map<String, PropertyDescriptor> properties = new LinkedHashMap<>();
            PropertyDescriptor[] all = Introspector.getBeanInfo(FieldPlanWeights.class).getPropertyDescriptors();
            for (PropertyDescriptor property : all) {
                if (property.getPropertyType() == HardMediumSoftLongScore.class && property.getWriteMethod() != null) {
                    properties.put(property.getName(), property);
                }
            }
            return properties;
        } catch (IntrospectionException e) {
            throw new IllegalStateException("FieldPlanWeights is not a readable bean", e);
        }
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot call " + method, e);
        }
    }
}
