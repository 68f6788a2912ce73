<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Service ${service.serviceId}"/>
<c:set var="pageScripts" value="copy.js,results-table.js,service-progress.js"/>
<%-- service-progress.js follows a running service; without scripts the page reloads itself instead. --%>
<c:set var="noscriptRefreshSeconds" value="${service.running ? 3 : 0}"/>
<%@ include file="header.jspf" %>
<c:url var="jsonUrl" value="/services/${service.serviceId}"><c:param name="format" value="json"/></c:url>
<c:url var="csvUrl" value="/services/${service.serviceId}"><c:param name="format" value="csv"/></c:url>
<c:url var="userUrl" value="/services"><c:param name="userName" value="${service.userName}"/></c:url>
<c:url var="pageUrl" value="/services/${service.serviceId}"/>

<section id="service" class="card" aria-labelledby="service-heading"
         data-json-url="<c:out value='${jsonUrl}'/>" data-status="${service.status}">
  <div class="summary-head">
    <div class="summary-id">
      <p class="eyebrow">Service</p>
      <h1 id="service-heading"><span class="sr-only">Service </span><span id="service-id" class="service-id-inline"><c:out value="${service.serviceId}"/></span></h1>
      <button type="button" id="copy-id" class="button ghost small" data-copy="service-id" data-copy-status="copy-status" hidden>Copy ID</button>
      <p id="copy-status" class="copy-status sr-only" role="status"></p>
    </div>
    <span id="status" class="badge status-${service.status}"><c:out value="${service.status}"/></span>
  </div>
  <p class="meta">Bucket <code class="bucket"><c:out value="${service.bucket}"/></code>
    <span aria-hidden="true">&middot;</span> submitted by <a id="service-user" href="<c:out value='${userUrl}'/>"><c:out value="${service.userName}"/></a></p>

  <div class="progress-block">
    <p class="progress-caption" id="progress-caption">
      <span><strong id="progress-text"><c:out value="${service.progress}"/></strong> images done</span>
      <span id="progress-percent" class="muted"><c:if test="${not empty service.percent}">${service.percent}%</c:if></span>
    </p>
    <div id="progress-bar" class="progress${empty service.percent ? ' indeterminate' : ''}${empty service.notice ? '' : ' nothing-done'}" role="progressbar"
         aria-labelledby="progress-caption" aria-valuemin="0"
         <c:if test="${not empty service.percent}">aria-valuemax="100" aria-valuenow="${service.percent}"</c:if>
         aria-valuetext="<c:out value='${service.progress}'/> images">
      <div class="progress-fill pct-${empty service.percent ? 100 : service.percent}"></div>
    </div>
    <p id="progress-hint" class="hint"<c:if test="${not service.running}"> hidden</c:if>>This page follows the service until it is done.</p>
    <p id="announcer" class="sr-only" aria-live="polite"></p>
  </div>

  <div id="service-notice" class="alert alert-notice" role="status"<c:if test="${empty service.notice}"> hidden</c:if>>
    <p class="alert-title">No JPEG pictures in this bucket</p>
    <p id="service-notice-text"><c:out value="${service.notice}"/></p>
  </div>

  <div id="service-error" class="alert" role="alert"<c:if test="${not service.failed}"> hidden</c:if>>
    <p class="alert-title">The service failed</p>
    <p id="service-error-text"><c:out value="${service.error}" default="for a reason that was not recorded"/></p>
  </div>

  <dl class="stats">
    <div class="stat stat-day"><dt>Day</dt><dd id="count-day">${tally.day}</dd></div>
    <div class="stat stat-night"><dt>Night</dt><dd id="count-night">${tally.night}</dd></div>
    <div class="stat stat-error"><dt>Errors</dt><dd id="count-error">${tally.errors}</dd></div>
  </dl>

  <dl class="facts">
    <div><dt>Requested</dt><dd><dn:time value="${service.requested}"/></dd></div>
    <div><dt>Started</dt><dd><dn:time value="${service.started}" elementId="started-time" placeholder="${service.running ? 'not yet' : '-'}"/></dd></div>
    <div><dt>Ended</dt><dd><dn:time value="${service.ended}" elementId="ended-time" placeholder="not yet"/></dd></div>
    <div><dt>Duration</dt><dd id="duration"><c:out value="${service.duration}" default="-"/></dd></div>
  </dl>
  <p class="hint" data-zone-note hidden>Times in your time zone, <span data-zone></span>; hover a time for UTC.</p>

  <div class="actions downloads">
    <a id="download-json" class="button secondary" href="<c:out value='${jsonUrl}'/>" download="<c:out value='${service.serviceId}'/>.json">Download JSON</a>
    <a id="download-csv" class="button secondary" href="<c:out value='${csvUrl}'/>" download="<c:out value='${service.serviceId}'/>.csv">Download CSV</a>
  </div>
</section>

<section id="results-card" class="card" aria-labelledby="results-heading"
         data-filter="${filter.value}" data-max-rows="${tally.maxRows}" data-live="${listing.live and service.running}">
  <div class="results-head">
    <h2 id="results-heading">Results</h2>
    <nav class="views" aria-label="View">
      <a id="view-gallery" href="<c:out value='${listing.viewUrl("gallery")}'/>"<c:if test="${listing.gallery}"> aria-current="true"</c:if>>Gallery</a>
      <a id="view-table" href="<c:out value='${listing.viewUrl("table")}'/>"<c:if test="${not listing.gallery}"> aria-current="true"</c:if>>Table</a>
    </nav>
  </div>
  <c:if test="${not empty listing.notices}">
    <div id="listing-notices" class="note notice" role="status">
      <c:forEach var="notice" items="${listing.notices}"><p><c:out value="${notice}"/></p></c:forEach>
    </div>
  </c:if>
  <c:if test="${not empty plot and plot.answers > 0}">
    <figure id="confidence-plot" class="plot">
      <svg role="img" aria-labelledby="plot-caption" viewBox="0 0 ${plot.width} ${plot.height + 14}" width="${plot.width}" height="${plot.height + 14}">
        <c:forEach var="bar" items="${plot.bars}"><rect class="bar-${bar.kind}" x="${bar.x}" y="${bar.y}" width="${bar.width}" height="${bar.height}"><title><c:out value="${bar.title}"/></title></rect></c:forEach>
        <text x="0" y="${plot.height + 12}">50%</text><text x="${plot.width / 2}" y="${plot.height + 12}" text-anchor="middle">75%</text><text x="${plot.width}" y="${plot.height + 12}" text-anchor="end">100%</text>
      </svg>
      <figcaption id="plot-caption">Confidence of the <c:out value="${plot.answers}"/> answers: <span class="key-day">day</span> and <span class="key-night">night</span>, from 50% to 100%.</figcaption>
    </figure>
  </c:if>
  <nav class="filters" aria-label="Show results">
    <ul>
      <c:forEach var="choice" items="all,day,night,errors">
        <li><a href="<c:out value='${listing.filterUrl(choice)}'/>" data-filter="${choice}"<c:if test="${filter.value == choice}"> aria-current="true"</c:if>>
          <c:choose><c:when test="${choice == 'all'}">All</c:when><c:when test="${choice == 'day'}">Day</c:when><c:when test="${choice == 'night'}">Night</c:when><c:otherwise>Errors</c:otherwise></c:choose>
          <span class="count" id="filter-count-${choice == 'errors' ? 'error' : choice}">${choice == 'all' ? tally.total : choice == 'day' ? tally.day : choice == 'night' ? tally.night : tally.errors}</span></a></li>
      </c:forEach>
    </ul>
  </nav>
  <nav class="sorts" aria-label="Sort results">
    <span class="muted">Sort by</span>
    <c:forEach var="sort" items="listing,name,result,confidence">
      <a id="sort-${sort}" href="<c:out value='${listing.sortUrl(sort)}'/>" data-sort="${sort}" aria-sort="${listing.ariaSort(sort)}"<c:if test="${listing.sort == sort}"> aria-current="true"</c:if>>
        <c:choose><c:when test="${sort == 'listing'}">bucket order</c:when><c:otherwise><c:out value="${sort}"/></c:otherwise></c:choose><c:if test="${listing.sort == sort}"><span aria-hidden="true">${listing.descending ? ' &darr;' : ' &uarr;'}</span><span class="sr-only">${listing.descending ? ', descending' : ', ascending'}</span></c:if></a>
    </c:forEach>
  </nav>
  <p id="page-summary" class="hint"<c:if test="${empty tally.rows}"> hidden</c:if>>Results
    <span id="first-shown"><c:out value="${tally.firstShown}"/></span>&ndash;<span id="last-shown"><c:out value="${tally.lastShown}"/></span>
    of <span id="matching-count"><c:out value="${tally.matching}"/></span>; all of them are in the
    <a href="<c:out value='${jsonUrl}'/>">JSON</a> and the <a href="<c:out value='${csvUrl}'/>">CSV</a>.</p>
  <p id="more-note" class="note" hidden>More results have arrived than this page holds:
    <a href="<c:out value='${listing.pageUrl(2)}'/>">the next page</a> shows them.</p>
  <p id="empty-note" class="empty"<c:if test="${not empty tally.rows}"> hidden</c:if>>
    <c:choose>
      <c:when test="${tally.total == 0 and service.running}">No image is done yet.</c:when>
      <c:when test="${tally.total == 0}">No image was classified.</c:when>
      <c:otherwise>No result of this kind.</c:otherwise>
    </c:choose>
  </p>
  <c:choose>
    <c:when test="${listing.gallery}">
      <ul id="gallery" class="gallery"<c:if test="${empty tally.rows}"> hidden</c:if>>
        <c:forEach var="row" items="${tally.rows}">
          <c:url var="thumbUrl" value="/services/${service.serviceId}/thumbnails/${row.seq}"/>
          <li class="picture" data-result="<c:out value='${row.result}'/>">
            <img src="<c:out value='${thumbUrl}'/>" alt="<c:out value='${row.image}'/>" width="160" height="120" loading="lazy">
            <p class="picture-name" title="<c:out value='${row.image}'/>"><c:out value="${row.image}"/></p>
            <p class="picture-answer"><span class="badge result-<c:out value='${row.result}'/>"><c:out value="${row.result}"/></span>
              <c:choose><c:when test="${row.failed}"><span class="error-text"><c:out value="${row.error}"/></span></c:when>
                <c:otherwise><span class="confidence"><c:out value="${row.confidence}"/></span></c:otherwise></c:choose></p>
          </li>
        </c:forEach>
      </ul>
    </c:when>
    <c:otherwise>
      <div class="table-wrap"<c:if test="${empty tally.rows}"> hidden</c:if>>
        <table id="results">
          <caption class="sr-only">Results, sorted by <c:out value="${listing.sort}"/></caption>
          <thead>
            <tr><th scope="col" class="col-image" aria-sort="${listing.ariaSort('name')}"><a href="<c:out value='${listing.sortUrl("name")}'/>">Image</a></th>
              <th scope="col" aria-sort="${listing.ariaSort('result')}"><a href="<c:out value='${listing.sortUrl("result")}'/>">Result</a></th>
              <th scope="col" class="number" aria-sort="${listing.ariaSort('confidence')}"><a href="<c:out value='${listing.sortUrl("confidence")}'/>">Confidence</a></th></tr>
          </thead>
          <tbody>
          <c:forEach var="row" items="${tally.rows}">
            <tr data-result="<c:out value='${row.result}'/>">
              <td class="image"><c:out value="${row.image}"/></td>
              <td><span class="badge result-<c:out value='${row.result}'/>"><c:out value="${row.result}"/></span><c:if test="${row.failed}"> <span class="error-text"><c:out value="${row.error}"/></span></c:if></td>
              <td class="number"><c:out value="${row.confidence}"/></td>
            </tr>
          </c:forEach>
          </tbody>
        </table>
      </div>
      <template id="row-template">
        <tr><td class="image"></td><td><span class="badge"></span></td><td class="number"></td></tr>
      </template>
    </c:otherwise>
  </c:choose>
  <c:if test="${tally.pages > 1}">
    <nav id="pager" class="pager" aria-label="Pages">
      <c:if test="${listing.page > 1}"><a id="page-previous" rel="prev" href="<c:out value='${listing.pageUrl(listing.page - 1)}'/>">Previous</a></c:if>
      <c:forEach var="n" items="${listing.pageWindow(tally.pages)}">
        <c:choose>
          <c:when test="${n == 0}"><span class="gap" aria-hidden="true">&hellip;</span></c:when>
          <c:when test="${n == listing.page}"><a href="<c:out value='${listing.pageUrl(n)}'/>" aria-current="page">${n}</a></c:when>
          <c:otherwise><a href="<c:out value='${listing.pageUrl(n)}'/>" data-page="${n}">${n}</a></c:otherwise>
        </c:choose>
      </c:forEach>
      <c:if test="${listing.page < tally.pages}"><a id="page-next" rel="next" href="<c:out value='${listing.pageUrl(listing.page + 1)}'/>">Next</a></c:if>
    </nav>
  </c:if>
</section>
<%@ include file="footer.jspf" %>
