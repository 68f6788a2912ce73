<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Services of ${listUserName}"/>
<%@ include file="header.jspf" %>
<section aria-labelledby="list-heading" class="card">
  <h1 id="list-heading">Services of <c:out value="${listUserName}"/></h1>
  <c:choose>
    <c:when test="${empty services}">
      <p>There is no service for this user name. User names are matched exactly, capitals included.</p>
    </c:when>
    <c:otherwise>
      <p class="hint">Newest first; at most 100.</p>
      <div class="table-wrap">
        <table>
          <thead>
          <tr><th scope="col">ServiceID</th><th scope="col">Bucket</th><th scope="col">Status</th>
            <th scope="col">Requested</th><th scope="col">Started</th><th scope="col">Ended</th>
            <th scope="col">Images done</th></tr>
          </thead>
          <tbody>
          <c:forEach var="service" items="${services}">
            <c:url var="serviceUrl" value="/services/${service.serviceId}"/>
            <tr>
              <td><a class="service-id-inline" href="<c:out value='${serviceUrl}'/>"><c:out value="${service.serviceId}"/></a></td>
              <td><code><c:out value="${service.bucket}"/></code></td>
              <td><span class="status status-${service.status}"><c:out value="${service.status}"/></span></td>
              <td><c:out value="${service.requestTime}"/></td>
              <td><c:out value="${service.startTime}" default="-"/></td>
              <td><c:out value="${service.endTime}" default="-"/></td>
              <td class="number"><c:out value="${service.progress}"/></td>
            </tr>
          </c:forEach>
          </tbody>
        </table>
      </div>
    </c:otherwise>
  </c:choose>
  <p><a href="<c:url value='/'/>">Submit another bucket</a></p>
</section>
<%@ include file="footer.jspf" %>
