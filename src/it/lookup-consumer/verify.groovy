// Checks the lookup-consumer build: the dependencies a project that depends on modelcards resolves, the lookup it
// ran with exactly those on its class path, and that the shaded CLI jar still carries what the consumer does not get.
// Variables: basedir (this IT's copy under target/it), modelcardsVersion, mainBuildDirectory (scriptVariables in pom.xml).
import java.util.zip.ZipFile

def failures = []

// 1. The resolved runtime dependencies, as maven-dependency-plugin's list wrote them
//    ("   org.yaml:snakeyaml:jar:2.5:compile -- module org.yaml.snakeyaml").
File listFile = new File(basedir, 'target/dependencies.txt')
assert listFile.isFile() : "dependency:list wrote no ${listFile}"
def resolved = listFile.readLines()
        .collect { it.trim() }
        .findAll { it ==~ /^[\w.\-]+:[\w.\-]+:.*/ }
        .collect { it.split(' ')[0] }
def ga = resolved.collect { it.split(':')[0..1].join(':') }
println "lookup-consumer resolves ${resolved.size()} runtime dependencies: ${resolved.join(', ')}"

if (!ga.contains('dev.modelcards:modelcards')) failures << 'dev.modelcards:modelcards itself is missing'
if (!ga.contains('org.yaml:snakeyaml')) failures << 'org.yaml:snakeyaml is missing: the lookup API parses the catalog with it'
def allowed = ['dev.modelcards:modelcards', 'org.yaml:snakeyaml']
def allowedGroups = ['com.fasterxml.jackson.core']   // "Jackson at most"
def extra = ga.findAll { !(it in allowed) && !(it.split(':')[0] in allowedGroups) }
if (extra) failures << "a lookup-only consumer must not get ${extra} (the CLI's libraries are optional)"
def forbidden = ['onnxruntime', 'freemarker', 'picocli', 'commonmark', 'progressbar', 'tribuo', 'protobuf', 'jline']
def leaked = ga.findAll { g -> forbidden.any { g.contains(it) } }
if (leaked) failures << "CLI libraries leaked into the consumer's dependencies: ${leaked}"

// 2. The lookup ran (exec:exec, a JVM with the consumer's runtime class path only) and answered as expected.
String log = new File(basedir, 'build.log').getText('UTF-8')
def expected = [
        'best: google/imagenet/mobilenet_v2_100_128/feature_vector',
        'shapes: [batch, 96, 96, 3] -> [batch, 1280]',
        'latest quantops: google/imagenet/mobilenet_v1_050_128/quantops/classification/3',
        'deployments: [google/imagenet/mobilenet_v1_050_128/classification/1/default/tfjs/1]',
        'tfjs parent: google/imagenet/mobilenet_v1_050_128/classification/1',
]
expected.each { if (!log.contains(it)) failures << "the consumer's lookup did not print '${it}'" }
if (log.contains('NoClassDefFoundError') || log.contains('ClassNotFoundException')) {
    failures << 'the lookup needed a class its dependencies do not provide (see build.log)'
}

// 3. Both sides of `optional`: the artifact the consumer got is the thin jar, and the shaded CLI jar bundles everything.
def entries = { File jar -> new ZipFile(jar).withCloseable { z -> z.entries().collect { it.name } as Set } }
File installed = new File(localRepositoryPath,
        "dev/modelcards/modelcards/${modelcardsVersion}/modelcards-${modelcardsVersion}.jar")
if (!installed.isFile()) {
    failures << "no installed artifact at ${installed}"
} else if (entries(installed).any { it.startsWith('picocli/') || it.startsWith('ai/onnxruntime/') }) {
    failures << "${installed.name} as installed bundles its dependencies: it must be the thin jar"
}
File shaded = new File(mainBuildDirectory, 'modelcards.jar')
if (!shaded.isFile()) {
    failures << "no shaded CLI jar at ${shaded}"
} else {
    def names = entries(shaded)
    ['dev/modelcards/cli/Main.class', 'org/yaml/snakeyaml/Yaml.class',
     'com/fasterxml/jackson/databind/ObjectMapper.class', 'freemarker/template/Template.class',
     'org/commonmark/parser/Parser.class', 'ai/onnxruntime/OrtEnvironment.class',
     'org/tribuo/util/onnx/ONNXContext.class', 'picocli/CommandLine.class',
     'me/tongfei/progressbar/ProgressBar.class'].each {
        if (!names.contains(it)) failures << "the shaded CLI jar lacks ${it}"
    }
}

if (failures) {
    failures.each { println "FAILED: ${it}" }
    throw new AssertionError("lookup-consumer: ${failures.size()} check(s) failed:\n  " + failures.join('\n  '))
}
println 'lookup-consumer: ok'
return true
