package kz.hattama.layout;

import kz.hattama.image.OpenCv;
import kz.hattama.image.PageNormalizer;
import kz.hattama.tools.DevImages;
import org.opencv.core.Mat;

import java.nio.file.Path;
import java.util.List;

/** Dev probe: the rules and the table the layout finds on a picture at an ink contrast. RulesProbeMain CONTRAST FILE... */
public final class RulesProbeMain {

    public static void main(String[] args) throws Exception {
        OpenCv.load();
        int contrast = Integer.parseInt(args[0]);
        for (int i = 1; i < args.length; i++) {
            Mat page = new PageNormalizer().normalize(DevImages.read(Path.of(args[i]))).image();
            double unit = page.cols() / (double) PageNormalizer.PAGE_WIDTH;
            Mat ink = InkMask.of(page, unit, contrast);
            RuleDetector rules = new RuleDetector((int) Math.round(LayoutFinder.RULE_MIN_LENGTH * unit),
                    (int) Math.round(LayoutFinder.RULE_BRIDGE * unit));
            System.out.println("== " + args[i]);
            rules.vertical(ink).stream().filter(r -> r.length() > 100 * unit).forEach(r -> System.out.println("V " + r));
            rules.horizontal(ink).forEach(r -> System.out.println("H " + r));
            System.out.println(new TableFinder(unit).find(rules.horizontal(ink), rules.vertical(ink), 5));
            for (ValueLine l : new ValueLineFinder(unit).find(rules.horizontal(ink))) {
                StringBuilder sb = new StringBuilder(String.format("L y=%.0f", l.y()));
                for (Rule r : List.of(l.digits(), l.words())) {
                    int x0 = (int) r.start(), x1 = (int) r.end();
                    int y = (int) r.middle();
                    sb.append(String.format(" | above=%d below=%d", ink(ink, x0, x1, y - (int) (50 * unit), y - (int) (5 * unit)),
                            ink(ink, x0, x1, y + (int) (5 * unit), y + (int) (50 * unit))));
                }
                System.out.println(sb);
            }
        }
    }

    private static int ink(Mat ink, int x0, int x1, int y0, int y1) {
        return org.opencv.core.Core.countNonZero(ink.submat(Math.max(0, y0), Math.min(ink.rows(), y1), Math.max(0, x0), Math.min(ink.cols(), x1)));
    }
}
