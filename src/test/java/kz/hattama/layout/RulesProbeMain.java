package kz.hattama.layout;

import kz.hattama.image.OpenCv;
import kz.hattama.image.PageNormalizer;
import kz.hattama.tools.DevImages;
import org.opencv.core.Mat;

import java.nio.file.Path;

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
        }
    }
}
