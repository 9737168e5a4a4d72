package dev.modelcards.catalog;

import java.math.BigDecimal;

/**
 * One row of a published metrics table, kept exactly as published.
 *
 * @param multiplier     depth multiplier
 * @param resolution     input resolution in pixels
 * @param macsMillions   multiply-accumulates, millions
 * @param paramsMillions parameters of the classification model, millions
 * @param top1           ImageNet top-1 accuracy, percent
 * @param top5           ImageNet top-5 accuracy, percent
 * @param pixel1Ms       Pixel 1 latency in ms, or null where not published
 * @param pos            where the row is written
 */
public record MetricsRow(BigDecimal multiplier, int resolution, BigDecimal macsMillions, BigDecimal paramsMillions,
                         BigDecimal top1, BigDecimal top5, BigDecimal pixel1Ms, SourcePos pos) {
}
