package kz.hattama.cli;

import kz.hattama.config.HattamaVersion;
import picocli.CommandLine.IVersionProvider;

public class VersionProvider implements IVersionProvider {

    public static String version() {
        return HattamaVersion.get();
    }

    @Override
    public String[] getVersion() {
        return new String[]{"Hattama " + version()};
    }
}
