// Reads a glossary file with OmegaT's own glossary readers (OmegaT.jar from Debian's `omegat` package)
// and prints what OmegaT's glossary pane would hold: one line per entry, source → targets | comment.
//
// Usage: java -cp /usr/share/omegat/OmegaT.jar:. ReadGlossary FILE SOURCE_LANG TARGET_LANG
// The reader asks the open project for its languages; a stand-in project answers with the two given.
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.List;

import org.omegat.core.Core;
import org.omegat.core.data.IProject;
import org.omegat.core.data.ProjectProperties;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTBX;
import org.omegat.gui.glossary.GlossaryReaderTSV;

public class ReadGlossary {
    public static void main(String[] args) throws Exception {
        File file = new File(args[0]);
        Constructor<ProjectProperties> c = ProjectProperties.class.getDeclaredConstructor();
        c.setAccessible(true);
        ProjectProperties props = c.newInstance();
        props.setSourceLanguage(args[1]);
        props.setTargetLanguage(args[2]);
        IProject project = (IProject) Proxy.newProxyInstance(IProject.class.getClassLoader(),
                new Class<?>[] {IProject.class},
                (proxy, method, margs) -> method.getName().equals("getProjectProperties") ? props : null);
        Field f = Core.class.getDeclaredField("currentProject");
        f.setAccessible(true);
        f.set(null, project);

        String name = file.getName().toLowerCase();
        List<GlossaryEntry> entries = name.endsWith(".tbx") ? GlossaryReaderTBX.read(file, false)
                : GlossaryReaderTSV.read(file, false);
        System.out.println("entries: " + entries.size());
        for (GlossaryEntry e : entries) {
            String comment = e.getCommentText().replace("\n", " / ");
            System.out.println(e.getSrcText() + "\t" + String.join(" ; ", e.getLocTerms(false)) + "\t" + comment);
        }
    }
}
