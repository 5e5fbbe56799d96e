/// The kinds of libyaml events the tree builders react to.
enum YAMLEventKind {
    case streamStart, streamEnd, documentStart, documentEnd
    case alias, scalar, sequenceStart, sequenceEnd, mappingStart, mappingEnd
}
