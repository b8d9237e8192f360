package io.sluice.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.apache.log4j.ConsoleAppender;
import org.apache.log4j.Level;
import org.apache.log4j.Logger;
import org.apache.log4j.PatternLayout;

/**
 * Sets up reload4j, through which Hadoop and its libraries log, from Sluice's {@code log4j.properties} without
 * log4j's {@code PropertyConfigurator}, whose bean introspection took ~70 ms of every command's start (a thread
 * reading the Hadoop configuration waited on it): the root logger's level with one appender to standard error in the
 * file's pattern, then the level of each logger the file names. A {@code log4j.configuration} the user gives (or
 * {@code log4j.defaultInitOverride}) is left to log4j, which then reads that file as usual.
 */
final class Logging {
    static final String CONFIGURATION = "log4j.configuration";
    static final String INIT_OVERRIDE = "log4j.defaultInitOverride";
    private static final String LOGGER_PREFIX = "log4j.logger.";

    private Logging() {}

    /** Configures logging for this process, unless the user chose a configuration; call before anything logs. */
    static void configure() {
        if (System.getProperty(CONFIGURATION) != null || System.getProperty(INIT_OVERRIDE) != null) {
            return;
        }
        Properties properties = new Properties();
        try (InputStream in = Logging.class.getResourceAsStream("/log4j.properties")) {
            if (in == null) {
                return;
            }
            properties.load(in);
        } catch (IOException e) {
            return; // log4j reads the file itself
        }
        System.setProperty(INIT_OVERRIDE, "true");
        Logger root = Logger.getRootLogger();
        String rootSetting = properties.getProperty("log4j.rootLogger", "WARN");
        root.setLevel(Level.toLevel(rootSetting.split(",")[0].trim(), Level.WARN));
        root.addAppender(new ConsoleAppender(
                new PatternLayout(properties.getProperty(
                        "log4j.appender.stderr.layout.ConversionPattern", "%d{HH:mm:ss} %p %c{1}: %m%n")),
                ConsoleAppender.SYSTEM_ERR));
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(LOGGER_PREFIX)) {
                Logger.getLogger(key.substring(LOGGER_PREFIX.length()))
                        .setLevel(Level.toLevel(properties.getProperty(key).trim()));
            }
        }
    }
}
