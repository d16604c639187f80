namespace RightsAcademy.Content;

/// <summary>One file of a course as bytes, so compiling never touches the disk and the web app can
/// compile uploads or drafts the same way as folders.</summary>
/// <param name="Path">Relative to the course folder, '/'-separated: "01-foundations/02-rights.fr.md", "assets/map.png".</param>
/// <param name="Bytes">The file's raw bytes; hashes are taken over these.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1819:Properties should not return arrays",
    Justification = "Raw file content; a copy per access would double memory for large assets.")]
public sealed record SourceFile(string Path, byte[] Bytes);
