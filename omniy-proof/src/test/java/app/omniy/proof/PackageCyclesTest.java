package app.omniy.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import app.omniy.backup.ConfigBackup;
import app.omniy.core.Require;
import app.omniy.files.ConfigFiles;
import app.omniy.firestore.FirestorePostStore;
import app.omniy.instagram.InstagramPublisher;
import app.omniy.notify.SlackNotifier;
import app.omniy.ops.status.StatusPage;
import app.omniy.runtime.Omniy;
import app.omniy.stripe.StripeWebhooks;
import app.omniy.testkit.SettableClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The build's check on the layout: no library module has a cycle among its packages, measured with
 * the JDK's jdeps on the compiled classes; and the README's module table names exactly the modules
 * of the root pom.
 */
class PackageCyclesTest {

  /** One class of each library module, to find the module's classes from. */
  private static final Map<String, Class<?>> LIBRARY_MODULES = new LinkedHashMap<>();

  static {
    LIBRARY_MODULES.put("omniy-core", Require.class);
    LIBRARY_MODULES.put("omniy-testkit", SettableClock.class);
    LIBRARY_MODULES.put("omniy-instagram", InstagramPublisher.class);
    LIBRARY_MODULES.put("omniy-stripe", StripeWebhooks.class);
    LIBRARY_MODULES.put("omniy-firestore", FirestorePostStore.class);
    LIBRARY_MODULES.put("omniy-files", ConfigFiles.class);
    LIBRARY_MODULES.put("omniy-runtime", Omniy.class);
    LIBRARY_MODULES.put("omniy-notify", SlackNotifier.class);
    LIBRARY_MODULES.put("omniy-backup", ConfigBackup.class);
    LIBRARY_MODULES.put("omniy-ops", StatusPage.class);
  }

  /** A class-level line of {@code jdeps -verbose:class}: {@code a.B -> c.D where}. */
  private static final Pattern EDGE =
      Pattern.compile("^\\s+(app\\.omniy\\.[\\w.$]+)\\s+->\\s+(app\\.omniy\\.[\\w.$]+)\\s");

  /** A markdown link, {@code [text](target)}. */
  private static final Pattern LINK = Pattern.compile("^\\[(.*)]\\(.*\\)$");

  @Test
  void noLibraryModuleHasACycleAmongItsPackages() throws IOException {
    List<String> cycles = new ArrayList<>();
    for (Map.Entry<String, Class<?>> module : LIBRARY_MODULES.entrySet()) {
      Path classes = classesOf(module.getValue());
      Set<String> own = classNames(classes);
      assertThat(own).as("classes of %s in %s", module.getKey(), classes).isNotEmpty();
      Map<String, Set<String>> edges = classEdges(classes, own);
      for (Set<String> cycle : cycles(packageGraph(edges))) {
        cycles.add(describe(module.getKey(), cycle, edges));
      }
    }
    if (!cycles.isEmpty()) {
      fail(
          "Package cycles (break them by design: see DEVELOPERS.md):%n%n%s",
          String.join("\n\n", cycles));
    }
  }

  @Test
  void theReadmeModuleTableNamesExactlyTheModulesOfTheRootPom() throws Exception {
    Path root = projectRoot();
    Set<String> inPom = new TreeSet<>(modulesOf(root.resolve("pom.xml")));
    Set<String> inReadme = new TreeSet<>(readmeModules(root.resolve("README.md")));

    Set<String> missingFromReadme = new TreeSet<>(inPom);
    missingFromReadme.removeAll(inReadme);
    Set<String> notInPom = new TreeSet<>(inReadme);
    notInPom.removeAll(inPom);
    SoftAssertions.assertSoftly(
        softly -> {
          softly
              .assertThat(missingFromReadme)
              .as("modules of the root pom.xml missing from the README's \"## Modules\" table")
              .isEmpty();
          softly
              .assertThat(notInPom)
              .as("modules in the README's \"## Modules\" table that the root pom.xml lacks")
              .isEmpty();
        });
  }

  // --- jdeps and the package graph ---

  /** The directory or jar the class was loaded from: the module's compiled classes. */
  private static Path classesOf(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    assertThat(source).as("code source of %s", type.getName()).isNotNull();
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("code source of " + type.getName(), e);
    }
  }

  /** Every class in the directory or jar, so edges to other modules can be told apart. */
  private static Set<String> classNames(Path classes) throws IOException {
    Set<String> names = new HashSet<>();
    if (Files.isDirectory(classes)) {
      try (Stream<Path> files = Files.walk(classes)) {
        files
            .filter(Files::isRegularFile)
            .map(file -> classes.relativize(file).toString().replace('\\', '/'))
            .forEach(entry -> addClass(entry, names));
      }
    } else {
      try (JarFile jar = new JarFile(classes.toFile())) {
        jar.stream().map(JarEntry::getName).forEach(entry -> addClass(entry, names));
      }
    }
    return names;
  }

  private static void addClass(String entry, Set<String> names) {
    if (entry.endsWith(".class") && !entry.startsWith("META-INF/")) {
      names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
    }
  }

  /** Class-level dependencies between the module's own classes, from jdeps. */
  private static Map<String, Set<String>> classEdges(Path classes, Set<String> own) {
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new IllegalStateException("this JDK has no jdeps tool"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "-verbose:class",
            "-filter:none",
            "-e",
            "app\\.omniy\\..*",
            classes.toString());
    assertThat(exit).as("jdeps on %s failed:%n%s%s", classes, out, err).isZero();
    Map<String, Set<String>> edges = new TreeMap<>();
    for (String line : out.toString().split("\\R")) {
      Matcher m = EDGE.matcher(line);
      if (m.find() && own.contains(m.group(1)) && own.contains(m.group(2))) {
        edges.computeIfAbsent(m.group(1), c -> new TreeSet<>()).add(m.group(2));
      }
    }
    return edges;
  }

  private static String packageOf(String className) {
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }

  private static Map<String, Set<String>> packageGraph(Map<String, Set<String>> classEdges) {
    Map<String, Set<String>> graph = new TreeMap<>();
    classEdges.forEach(
        (from, targets) -> {
          for (String to : targets) {
            String a = packageOf(from);
            String b = packageOf(to);
            if (!a.equals(b)) {
              graph.computeIfAbsent(a, p -> new TreeSet<>()).add(b);
              graph.computeIfAbsent(b, p -> new TreeSet<>());
            }
          }
        });
    return graph;
  }

  /** The strongly connected components of more than one package (Tarjan). */
  private static List<Set<String>> cycles(Map<String, Set<String>> graph) {
    return new Tarjan(graph).components();
  }

  /** The cycle's packages and every class-level edge between two of them. */
  private static String describe(
      String module, Set<String> cycle, Map<String, Set<String>> classEdges) {
    StringBuilder text =
        new StringBuilder(module).append(": packages ").append(cycle).append(" form a cycle:");
    classEdges.forEach(
        (from, targets) -> {
          for (String to : targets) {
            String a = packageOf(from);
            String b = packageOf(to);
            if (!a.equals(b) && cycle.contains(a) && cycle.contains(b)) {
              text.append("\n    ").append(from).append(" -> ").append(to);
            }
          }
        });
    return text.toString();
  }

  private static final class Tarjan {
    private final Map<String, Set<String>> graph;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, Integer> low = new HashMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new HashSet<>();
    private final List<Set<String>> components = new ArrayList<>();

    Tarjan(Map<String, Set<String>> graph) {
      this.graph = graph;
    }

    List<Set<String>> components() {
      for (String node : graph.keySet()) {
        if (!index.containsKey(node)) {
          visit(node);
        }
      }
      return components;
    }

    private void visit(String node) {
      index.put(node, index.size());
      low.put(node, index.get(node));
      stack.push(node);
      onStack.add(node);
      for (String next : graph.getOrDefault(node, Set.of())) {
        if (!index.containsKey(next)) {
          visit(next);
          low.put(node, Math.min(low.get(node), low.get(next)));
        } else if (onStack.contains(next)) {
          low.put(node, Math.min(low.get(node), index.get(next)));
        }
      }
      if (low.get(node).equals(index.get(node))) {
        Set<String> component = new TreeSet<>();
        String member;
        do {
          member = stack.pop();
          onStack.remove(member);
          component.add(member);
        } while (!member.equals(node));
        if (component.size() > 1) {
          components.add(component);
        }
      }
    }
  }

  // --- the README and the root pom ---

  /** The nearest directory up from the working directory whose pom.xml is omniy-parent's. */
  private static Path projectRoot() throws Exception {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path pom = dir.resolve("pom.xml");
      if (Files.isRegularFile(pom) && "omniy-parent".equals(childText(parse(pom), "artifactId"))) {
        return dir;
      }
    }
    return fail("no pom.xml of omniy-parent above %s", Path.of("").toAbsolutePath());
  }

  private static Element parse(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try (InputStream in = Files.newInputStream(pom)) {
      Document document = factory.newDocumentBuilder().parse(in);
      return document.getDocumentElement();
    }
  }

  /** The text of the element's direct child {@code name}, or null. */
  private static String childText(Element element, String name) {
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().strip();
      }
    }
    return null;
  }

  private static List<String> modulesOf(Path pom) throws Exception {
    Element project = parse(pom);
    List<String> modules = new ArrayList<>();
    for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && e.getTagName().equals("modules")) {
        NodeList list = e.getElementsByTagName("module");
        for (int i = 0; i < list.getLength(); i++) {
          modules.add(list.item(i).getTextContent().strip());
        }
      }
    }
    assertThat(modules).as("<modules> of %s", pom).isNotEmpty();
    return modules;
  }

  /** The first column of the table under {@code ## Modules}, header row excluded. */
  private static List<String> readmeModules(Path readme) throws IOException {
    List<String> modules = new ArrayList<>();
    boolean inSection = false;
    boolean headerSeen = false;
    for (String line : Files.readAllLines(readme)) {
      if (line.startsWith("#")) {
        inSection = line.strip().equals("## Modules");
        continue;
      }
      if (!inSection || !line.strip().startsWith("|")) {
        continue;
      }
      String[] cells = line.strip().split("\\|");
      String first = cells.length > 1 ? cells[1].strip() : "";
      if (!headerSeen) {
        headerSeen = true; // the header row: "module | holds | depends on"
        continue;
      }
      if (first.matches(":?-+:?")) {
        continue; // the separator row
      }
      modules.add(moduleName(first));
    }
    assertThat(modules).as("rows of the \"## Modules\" table in %s", readme).isNotEmpty();
    return modules;
  }

  /** {@code `omniy-core`} or {@code [`omniy-core`](omniy-core)} → {@code omniy-core}. */
  private static String moduleName(String cell) {
    Matcher link = LINK.matcher(cell);
    String text = link.matches() ? link.group(1) : cell;
    return text.replace("`", "").strip();
  }
}
