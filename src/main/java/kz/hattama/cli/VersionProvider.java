package kz.hattama.cli;

import picocli.CommandLine.IVersionProvider;

public class VersionProvider implements IVersionProvider {

    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[]{"Hattama " + version()};
    }
}
