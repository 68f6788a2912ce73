import com.daynight.classify.ImageFeatures;
import java.nio.file.*;
import java.util.*;
// prints "<path>\t<f1>,<f2>,...": the service's 109 features of each file named on stdin
public class DumpFeatures {
    public static void main(String[] args) throws Exception {
        ImageFeatures features = ImageFeatures.standard();
        Scanner in = new Scanner(System.in);
        StringBuilder out = new StringBuilder();
        while (in.hasNextLine()) {
            String p = in.nextLine();
            double[] f = features.fromJpeg(Files.readAllBytes(Path.of(p)));
            out.append(p).append('\t');
            for (int i = 0; i < f.length; i++) out.append(i == 0 ? "" : ",").append(f[i]);
            out.append('\n');
        }
        System.out.print(out);
    }
}
