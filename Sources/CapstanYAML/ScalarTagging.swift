/// How a scalar was written, which decides how it resolves.
enum ScalarTagging {
    /// Unquoted, no tag: resolved by content (null, bool, int, float or string).
    case plain
    /// Quoted or block scalar without a tag: always a string.
    case quoted
    /// An explicit tag, e.g. `tag:yaml.org,2002:int` for `!!int`, or `!` for the non-specific tag.
    case tagged(String)
}
