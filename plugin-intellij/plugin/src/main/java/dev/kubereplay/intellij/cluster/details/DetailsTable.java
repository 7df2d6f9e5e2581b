package dev.kubereplay.intellij.cluster.details;

import dev.kubereplay.intellij.cluster.tree.Tone;
import java.util.List;

/**
 * What the details table under the tree shows for the selected node: a title, the columns of its
 * view and a row per item, and a banner for what the rows cannot say (forbidden, stale, loading).
 * Built without Swing, so tests check the cells and the panel only lays them out.
 *
 * @param selectedRow the row of the selected item, or -1
 * @param banner one line above the table, or null
 * @param stale the rows may be out of date: the table is greyed
 */
public record DetailsTable(
    String title,
    List<Column> columns,
    List<List<Cell>> rows,
    int selectedRow,
    String banner,
    Tone bannerTone,
    boolean stale) {

  /** A column; numbers are right-aligned. */
  public record Column(String name, boolean numeric) {

    static Column text(String name) {
      return new Column(name, false);
    }

    static Column number(String name) {
      return new Column(name, true);
    }
  }

  /**
   * A cell's text, what it means (health, warnings) for its colour, and a tooltip with more.
   *
   * @param tooltip what the short text leaves out (e.g. the health reasons), or null
   */
  public record Cell(String text, Tone tone, String tooltip) {

    static Cell of(String text) {
      return of(text, Tone.NEUTRAL);
    }

    static Cell of(String text, Tone tone) {
      return new Cell(text == null ? "" : text, tone, null);
    }

    static Cell of(String text, Tone tone, String tooltip) {
      return new Cell(text == null ? "" : text, tone, tooltip);
    }
  }

  public static DetailsTable empty(String title) {
    return new DetailsTable(title, List.of(), List.of(), -1, null, Tone.NEUTRAL, false);
  }

  public List<String> columnNames() {
    return columns.stream().map(Column::name).toList();
  }

  /** The texts of one row, for tests and tooltips. */
  public List<String> rowTexts(int row) {
    return rows.get(row).stream().map(Cell::text).toList();
  }

  DetailsTable withBanner(String text, Tone tone) {
    return new DetailsTable(title, columns, rows, selectedRow, text, tone, stale);
  }

  DetailsTable selecting(int row) {
    return new DetailsTable(title, columns, rows, row, banner, bannerTone, stale);
  }
}
